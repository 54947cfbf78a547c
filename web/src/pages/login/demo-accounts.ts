// The demo accounts the server seeds into an empty database (services/demo-seed.ts; README
// "网页工作台"), shown on the login page so a new user can sign in without reading anything else.
// Clicking one fills the form.
export const DEMO_PASSWORD = 'jixiao-demo';

export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; password: string; label: string }> = [
  { username: 'danwei', password: DEMO_PASSWORD, label: '单位填报人（中关村管委会本级）' },
  { username: 'zhuguan', password: DEMO_PASSWORD, label: '主管部门审核人（中关村管委会）' },
  { username: 'caizheng', password: DEMO_PASSWORD, label: '财政部门审核人（北京市财政局）' },
  { username: 'admin', password: DEMO_PASSWORD, label: '系统管理员' },
];
