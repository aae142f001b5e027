/** The engine's version: shown in the app and stored in saved states. */
export const ENGINE_VERSION = '0.3.0';
