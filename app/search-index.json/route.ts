import { searchIndexRoute } from '@/components/site/routes';

const route = searchIndexRoute('default');

export const dynamic = 'force-static';
export const GET = route.GET;
