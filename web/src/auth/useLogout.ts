import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { post } from '../api/client.ts';

/** Sign out: end the session on the server and go to sign-in (even if the call fails); the sign-in page empties the cache. */
export function useLogout() {
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => post('/api/auth/logout'),
    onSettled: () => navigate('/login', { replace: true }),
  });
}
