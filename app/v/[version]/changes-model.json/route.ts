import { changesModelRoute } from '@/components/site/routes';

const route = changesModelRoute('versioned');

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const GET = route.GET;
