import { Layout, type PageContext } from './layout';

export function ErrorPage(props: PageContext & { status: number; message: string; hint?: string }) {
  return (
    <Layout {...props} title={`${props.status} · ${props.t('error.title')}`}>
      <h1>{props.message}</h1>
      {props.hint ? <p>{props.hint}</p> : null}
      <p>
        <a href="/">{props.t('error.backHome')}</a>
      </p>
    </Layout>
  );
}
