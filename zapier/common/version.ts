/** The version every app is pushed with; the build writes it into each app's package.json. */
export const APP_VERSION = '0.1.0';
