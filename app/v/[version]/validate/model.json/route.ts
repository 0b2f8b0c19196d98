import { validatorModelRoute } from '@/components/site/routes';

const route = validatorModelRoute('versioned');

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const GET = route.GET;
