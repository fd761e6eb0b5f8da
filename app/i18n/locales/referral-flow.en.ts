/** English strings (t("referralFlow.…")). */
const referralFlow = {
  title: "Referral flow between partners",
};

export default referralFlow;
