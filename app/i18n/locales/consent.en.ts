/** English strings of the clients and consent screens (t("consent.…")). */
const consent = {};

export default consent;
