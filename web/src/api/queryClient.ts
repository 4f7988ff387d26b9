import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.ts';

/** One query cache for the app. Answers the server refused (4xx) are not retried: asking again changes nothing. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
    mutations: { retry: false },
  },
});
