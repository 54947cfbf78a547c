import { LockOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { endpoints } from '../../../../src/contract/endpoints.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { useLang, useT } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';

type Values = { username: string; password: string };

export function LoginPage() {
  const t = useT();
  const { toggle } = useLang();
  const { me, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  // the demo accounts are offered only while the server runs in demo mode
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    let live = true;
    call(endpoints.health).then(
      (h) => live && setDemo(h.demo),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const next = params.get('next') ?? '/';
  const safeNext = next.startsWith('/') && !next.startsWith('//') ? next : '/';
  if (me) return <Navigate to={safeNext} replace />;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.username.trim(), v.password);
      navigate(safeNext, { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <Button type="text" className="login-lang" icon={<TranslationOutlined />} onClick={toggle}>
        {t.app.language}
      </Button>
      <div className="login-panel">
        <div className="login-brand">
          <span className="brand-mark large" aria-hidden>
            绩
          </span>
          <h1>{t.login.title}</h1>
          <p>{t.login.subtitle}</p>
        </div>
        <Card className="login-card">
          <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} autoComplete="on">
            <Form.Item
              label={t.login.username}
              name="username"
              rules={[{ required: true, message: t.login.required }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" size="large" autoFocus />
            </Form.Item>
            <Form.Item
              label={t.login.password}
              name="password"
              rules={[{ required: true, message: t.login.required }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {t.login.submit}
            </Button>
          </Form>
          {demo && DEMO_ACCOUNTS.length > 0 && (
            <div className="login-demo">
              <Typography.Text type="secondary">{t.login.demoHint}</Typography.Text>
              <ul>
                {DEMO_ACCOUNTS.map((a) => (
                  <li key={a.username}>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => form.setFieldsValue({ username: a.username, password: a.password })}
                    >
                      {a.username}
                    </button>
                    <span className="muted"> · {a.label}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Card>
        <p className="login-footer">{t.login.footer}</p>
      </div>
    </main>
  );
}
