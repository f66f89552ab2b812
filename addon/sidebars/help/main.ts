import { VERSION } from "../../../shared/version";
import { translatePage } from "../common/i18n";

translatePage();
document.getElementById("version")!.textContent = `Rapport ${VERSION}`;
