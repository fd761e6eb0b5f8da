/** Spanish strings of the case-vignette conferences screens (t("conference.…")). */
const conference = {};

export default conference;
