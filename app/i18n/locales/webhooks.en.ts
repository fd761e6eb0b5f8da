/** English strings (t("webhooks.…")). */
const webhooks = {
  title: "Web hooks",
};

export default webhooks;
