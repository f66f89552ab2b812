/** Set by addon/build/build.ts from RAPPORT_WORKER_URL: the Worker this build is allowed to call. */
declare const __RAPPORT_DEFAULT_WORKER_URL__: string;
