import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { ApiError } from '../api/client';
import { QueryError } from '../components/QueryError';
import { FullPageSpin } from '../components/FullPageSpin';
import { meQuery } from '../pages/auth/queries';
import { MeContext } from './use-me';

export const CHANGE_PASSWORD_PATH = '/change-password';

/** The login guard: no session → /login; an initial password → only the change-password page. */
export function RequireAuth() {
  const location = useLocation();
  const me = useQuery(meQuery());
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    }
    return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (me.data.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return (
    <MeContext.Provider value={me.data}>
      <Outlet />
    </MeContext.Provider>
  );
}
