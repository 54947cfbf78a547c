import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { endpoints } from '../../../../src/contract/endpoints.ts';
import { checkPasswordRules } from '../../../../src/core/account/password-policy.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { useT } from '../../app/i18n.tsx';
import { useMe, useSession } from '../../app/session.tsx';

type Values = { currentPassword: string; newPassword: string; confirm: string };

/**
 * Changing one's password: forced at the first sign-in, after a reset and when it expired (the
 * server answers nothing else meanwhile), or by choice from the user menu. The rules are checked
 * here with the server's own code (core/account) and again by the server.
 */
export function PasswordPage() {
  const t = useT();
  const me = useMe();
  const { refresh, logout } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const forced = me.passwordChange;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await call(endpoints.changePassword, {
        body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
      });
      await refresh();
      message.success(t.password.done);
      navigate('/', { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <div className="login-panel">
        <div className="login-brand">
          <span className="brand-mark large" aria-hidden>
            绩
          </span>
          <h1>{t.password.title}</h1>
          <p>
            {me.user.displayName}（{me.user.username}）
          </p>
        </div>
        <Card className="login-card">
          {forced && (
            <Alert type="warning" showIcon title={t.password.reason[forced]} style={{ marginBottom: 16 }} />
          )}
          <Typography.Paragraph type="secondary">{t.password.rules(me.passwordPolicy)}</Typography.Paragraph>
          <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} autoComplete="off">
            <Form.Item
              label={t.password.current}
              name="currentPassword"
              rules={[{ required: true, message: t.password.required }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus />
            </Form.Item>
            <Form.Item
              label={t.password.next}
              name="newPassword"
              rules={[
                { required: true, message: t.password.required },
                {
                  validator: async (_rule, value: string) => {
                    if (!value) return;
                    const r = checkPasswordRules(value, me.user.username, me.passwordPolicy);
                    if (!r.ok) throw new Error(r.reason);
                  },
                },
              ]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label={t.password.confirm}
              name="confirm"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: t.password.required },
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: string) => {
                    if (value && value !== getFieldValue('newPassword')) throw new Error(t.password.mismatch);
                  },
                }),
              ]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
            </Form.Item>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {t.password.submit}
            </Button>
          </Form>
          <div style={{ marginTop: 12, textAlign: 'center' }}>
            {forced ? (
              <Button type="link" onClick={() => void logout().then(() => navigate('/login'))}>
                {t.app.logout}
              </Button>
            ) : (
              <Button type="link" onClick={() => navigate(-1)}>
                {t.password.cancel}
              </Button>
            )}
          </div>
        </Card>
      </div>
    </main>
  );
}

export default PasswordPage;
