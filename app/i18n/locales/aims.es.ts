/** Spanish strings of the aims, measures and the partnership workspace screens (t("aims.…")). */
const aims = {};

export default aims;
