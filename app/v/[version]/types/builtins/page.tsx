import { builtinsRoute } from '@/components/site/routes';

const route = builtinsRoute('versioned');

export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
