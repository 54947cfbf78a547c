import { Button, Result } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, Route, Routes } from 'react-router';
import { HomePage } from '../pages/home/home-page.tsx';
import { LoginPage } from '../pages/login/login-page.tsx';
import { useT } from './i18n.tsx';
import { AppLayout } from './layout.tsx';
import { PageSpinner, RequireSession } from './session.tsx';

// Login and home ship in the entry chunk (first load); every other page is its own chunk, and
// the dashboard's chunk is the only one that pulls in ECharts.
const FormsListPage = lazy(() => import('../pages/forms/forms-list-page.tsx'));
const EditorPage = lazy(() => import('../pages/editor/editor-page.tsx'));
const PrintPage = lazy(() => import('../pages/print/print-page.tsx'));
const ImportPage = lazy(() => import('../pages/import/import-page.tsx'));
const DashboardPage = lazy(() => import('../pages/dashboard/dashboard-page.tsx'));
const PasswordPage = lazy(() => import('../pages/account/password-page.tsx'));
const WarningsPage = lazy(() => import('../pages/lifecycle/warnings-page.tsx'));

function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t.app.notFound}
      extra={
        <Link to="/">
          <Button type="primary">{t.app.backHome}</Button>
        </Link>
      }
    />
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="/password"
          element={
            <RequireSession>
              <PasswordPage />
            </RequireSession>
          }
        />
        <Route
          path="/forms/:id/print"
          element={
            <RequireSession>
              <PrintPage />
            </RequireSession>
          }
        />
        <Route
          element={
            <RequireSession>
              <AppLayout />
            </RequireSession>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="forms" element={<FormsListPage />} />
          <Route path="forms/:id" element={<EditorPage />} />
          <Route path="import" element={<ImportPage />} />
          <Route path="dashboard" element={<DashboardPage />} />
          <Route path="monitoring/warnings" element={<WarningsPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
