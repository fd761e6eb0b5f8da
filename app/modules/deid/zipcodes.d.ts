declare module "zipcodes" {
  const zipcodes: { codes: Record<string, { zip: string; city: string; state: string }> };
  export default zipcodes;
}
