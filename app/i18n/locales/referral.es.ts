/** Spanish strings (t("referral.…")). */
const referral = {
  title: "Referencias",
};

export default referral;
