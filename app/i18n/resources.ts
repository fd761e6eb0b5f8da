import en from "./locales/en";
import es from "./locales/es";

export const resources = { en: { common: en }, es: { common: es } };
