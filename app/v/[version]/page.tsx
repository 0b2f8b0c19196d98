import { homeRoute } from '@/components/site/routes';

const route = homeRoute('versioned');

export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
