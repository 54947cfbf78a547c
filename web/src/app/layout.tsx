import {
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  TranslationOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useLang, useT } from './i18n.tsx';
import { canSeeDashboard, PageSpinner, useMe, useSession } from './session.tsx';

const SECTIONS = ['/forms', '/import', '/dashboard', '/monitoring'] as const;

export function AppLayout() {
  const t = useT();
  const { toggle } = useLang();
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = SECTIONS.find((s) => pathname.startsWith(s)) ?? '/';
  const items = [
    { key: '/', label: <Link to="/">{t.app.home}</Link> },
    { key: '/forms', label: <Link to="/forms">{t.app.forms}</Link> },
    ...(me.permissions.editForms
      ? [{ key: '/import', label: <Link to="/import">{t.app.import}</Link> }]
      : []),
    ...(canSeeDashboard(me)
      ? [
          { key: '/dashboard', label: <Link to="/dashboard">{t.app.dashboard}</Link> },
          { key: '/monitoring', label: <Link to="/monitoring/warnings">{t.lifecycle.warnings}</Link> },
        ]
      : []),
  ];
  return (
    <Layout className="app-shell">
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <Layout.Header className="app-header no-print">
        <Link to="/" className="brand" aria-label={t.app.name}>
          <span className="brand-mark" aria-hidden>
            绩
          </span>
          <span className="brand-name">{t.app.name}</span>
        </Link>
        <Menu theme="dark" mode="horizontal" selectedKeys={[selected]} items={items} className="app-menu" />
        <div className="header-right">
          <Button type="text" className="header-button" icon={<TranslationOutlined />} onClick={toggle}>
            {t.app.language}
          </Button>
          <Dropdown
            menu={{
              items: [
                { key: 'org', label: `${t.app.org}：${me.org.name}`, disabled: true },
                { key: 'role', label: `${t.app.role}：${t.labels.role[me.user.role]}`, disabled: true },
                { type: 'divider' },
                { key: 'password', icon: <KeyOutlined />, label: t.password.menu },
                { key: 'logout', icon: <LogoutOutlined />, label: t.app.logout },
              ],
              onClick: ({ key }) => {
                if (key === 'password') navigate('/password');
                if (key === 'logout') void logout().then(() => navigate('/login'));
              },
            }}
          >
            <Button type="text" className="header-button" aria-label={me.user.displayName}>
              <UserOutlined /> {me.user.displayName} <DownOutlined style={{ fontSize: 10 }} />
            </Button>
          </Dropdown>
        </div>
      </Layout.Header>
      <Layout.Content id="main" className="app-content">
        <Suspense fallback={<PageSpinner />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
