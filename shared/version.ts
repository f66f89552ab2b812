/** Rapport's version, reported by the Worker's health check and the add-on's Help. Kept equal to package.json by a test. */
export const VERSION = "0.1.0";
