/**
 * Entry of the add-on bundle. esbuild wraps it as `var Rapport = (…)()`; the hand-written stubs in
 * addon/stubs/ are the top-level functions Sheets and google.script.run call, and they delegate
 * here. Every export must have a stub and every stub's target must be exported (the build checks).
 */
export { CLV_FIT, CLV_PREDICT, CLV_VALIDATE } from "./formulas/clv";
export { NPS } from "./formulas/survey";
export { onInstall, onOpen, showHelp } from "./ui/menu";
export { npsOfColumn, npsOfSelection, npsSidebarState, showNpsSidebar } from "./ui/npsSidebar";
