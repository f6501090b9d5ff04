import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { RouterProvider } from 'react-router-dom';
import { ApiError, setUnauthenticatedHandler } from '../api/client';
import { DemoBanner } from '../components/DemoBanner';
import { FullPageSpin } from '../components/FullPageSpin';
import { authKeys } from '../pages/auth/queries';
import { LocaleProvider } from './LocaleProvider';
import { router } from './router';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5 * 60_000,
      refetchOnWindowFocus: false,
      // A problem the server answered on purpose (4xx) will not go away by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

// The session ended (expired, logged out elsewhere): forget the user's data and go to the login page.
setUnauthenticatedHandler(() => {
  if (window.location.pathname === '/login') return;
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.all[0] });
  void router.navigate('/login', { replace: true, state: { from: window.location.pathname + window.location.search } });
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <DemoBanner />
        <Suspense fallback={<FullPageSpin />}>
          <RouterProvider router={router} />
        </Suspense>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
