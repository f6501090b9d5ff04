import { createContext, useContext } from 'react';
import type { Me } from '../pages/auth/queries';

/**
 * The logged-in user, provided by <RequireAuth> once the session is known. A context rather than the
 * query itself, so that a page still rendering while the cache is cleared (logout) keeps its user.
 */
export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() used outside <RequireAuth>');
  return me;
}
