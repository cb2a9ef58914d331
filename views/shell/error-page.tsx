import { Layout, type PageContext } from './layout';

/** An error in the reader's language, with the request id to quote when reporting it. */
export function ErrorPage(
  props: PageContext & { status: number; message: string; hint?: string; requestId?: string },
) {
  return (
    <Layout {...props} title={`${props.status} · ${props.t('error.title')}`}>
      <h1>{props.message}</h1>
      {props.hint ? <p>{props.hint}</p> : null}
      {props.requestId ? (
        <p>
          {props.t('error.requestId')} <code>{props.requestId}</code>
        </p>
      ) : null}
      <p>
        <a href="/">{props.t('error.backHome')}</a>
      </p>
    </Layout>
  );
}
