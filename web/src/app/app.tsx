import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { BrowserRouter } from 'react-router';
import { LangProvider, useLang } from './i18n.tsx';
import { queryClient } from './query-client.ts';
import { AppRoutes } from './routes.tsx';
import { SessionProvider } from './session.tsx';
import { theme } from './theme.ts';

dayjs.locale('zh-cn');

function Themed() {
  const { lang } = useLang();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme}>
      <AntApp>
        <SessionProvider>
          <AppRoutes />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LangProvider>
        <BrowserRouter>
          <Themed />
        </BrowserRouter>
      </LangProvider>
    </QueryClientProvider>
  );
}
