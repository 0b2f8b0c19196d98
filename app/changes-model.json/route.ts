import { changesModelRoute } from '@/components/site/routes';

const route = changesModelRoute('default');

export const dynamic = 'force-static';
export const GET = route.GET;
