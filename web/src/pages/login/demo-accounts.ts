// The demo accounts the server seeds on a fresh database (README "网页工作台"). Shown on the
// login page so a new user can sign in without reading anything else; clicking one fills the form.
export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; password: string; label: string }> = [];
