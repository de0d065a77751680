/** Replaced at build time with package.json's version (scripts/build.mjs `define`). */
declare const __ERA835_VERSION__: string | undefined;

/** The product version: package.json's, injected by the build; "dev" when run from source. */
export const VERSION: string = typeof __ERA835_VERSION__ === 'string' ? __ERA835_VERSION__ : 'dev';
