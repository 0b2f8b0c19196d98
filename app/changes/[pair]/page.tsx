import { changesRoute } from '@/components/site/routes';

const route = changesRoute();

export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
