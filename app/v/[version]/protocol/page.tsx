import { protocolRoute } from '@/components/site/routes';

const route = protocolRoute('versioned');

export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
