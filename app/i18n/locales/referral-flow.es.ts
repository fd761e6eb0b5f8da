/** Spanish strings (t("referralFlow.…")). */
const referralFlow = {
  title: "Flujo de referencias entre socios",
};

export default referralFlow;
