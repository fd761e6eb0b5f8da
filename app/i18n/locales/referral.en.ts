/** English strings (t("referral.…")). */
const referral = {
  title: "Referrals",
};

export default referral;
