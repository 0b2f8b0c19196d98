import { reviewDataRoute } from '@/components/site/routes';

const route = reviewDataRoute();

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const GET = route.GET;
