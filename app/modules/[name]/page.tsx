import { moduleRoute } from '@/components/site/routes';

const route = moduleRoute('default');

export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
