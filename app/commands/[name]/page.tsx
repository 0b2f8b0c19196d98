import { definitionRoute } from '@/components/site/routes';

const route = definitionRoute('commands', 'default');

export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
