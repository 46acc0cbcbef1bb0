import { ConfigProvider, App as AntApp } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useSyncExternalStore } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { SignInCallbackPage } from '../features/sign-in/SignInCallbackPage';
import { SignInPage } from '../features/sign-in/SignInPage';
import { ConsoleLayout } from './ConsoleLayout';
import { homeOf, routes } from './routes';
import { session } from './session';
import { NotFound, Welcome } from './StatusPages';

dayjs.locale('zh-cn');

const identityKey = () => session.token() ?? '';

/** Signed out: only the sign-in pages. Signed in: the screens of the user's role. */
export function App() {
  useSyncExternalStore(session.subscribe, identityKey);
  const identity = session.identity();
  return (
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}>
      <AntApp>
        <BrowserRouter basename="/console" future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
          {identity ? (
            <Routes>
              <Route element={<ConsoleLayout identity={identity} />}>
                {routes
                  .filter((r) => r.roles.includes(identity.role))
                  .map((r) => (
                    <Route key={r.path} path={r.path} element={r.element} />
                  ))}
                <Route path="/welcome" element={<Welcome />} />
                <Route path="/" element={<Navigate to={homeOf(identity.role)} replace />} />
                <Route path="/sign-in" element={<Navigate to={homeOf(identity.role)} replace />} />
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          ) : (
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="/sign-in/callback" element={<SignInCallbackPage />} />
              <Route path="*" element={<Navigate to="/sign-in" replace />} />
            </Routes>
          )}
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
