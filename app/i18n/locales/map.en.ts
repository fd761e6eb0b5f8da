/** English strings of the asset map and directory screens (t("map.…")). */
const map = {};

export default map;
