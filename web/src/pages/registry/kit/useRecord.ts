import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { get, type Query } from '../../../api/client.ts';

/** The record of a detail page (`:id` of the address), cached under its endpoint so saves refresh it. */
export function useRecord<T>(endpoint: string, query?: Query) {
  const { id = '' } = useParams();
  return useQuery({
    queryKey: [endpoint, 'detail', id, query],
    queryFn: ({ signal }) => get<T>(`${endpoint}/${id}`, query, { signal }),
  });
}
