import { expansionRoute } from '@/components/site/routes';

const route = expansionRoute('default');

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const GET = route.GET;
