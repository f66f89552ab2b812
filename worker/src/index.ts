import { createApp } from "./app";

/** The Rapport Worker: survey pages, the survey and analysis API, D1 storage. */
export default createApp();
