import { validatorModelRoute } from '@/components/site/routes';

const route = validatorModelRoute('default');

export const dynamic = 'force-static';
export const GET = route.GET;
