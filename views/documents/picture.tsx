import { previewPath, type PreviewWidth } from '@/documents/rules';

/**
 * An image attachment shown by its previews (WebP, made once and kept): the browser picks the
 * width it needs. The alt text is the attachment's title. Sized by CSS (aspect-ratio), so the
 * page does not jump when it arrives.
 */
export function Picture(props: {
  image: { id: number; title: string };
  /** The widths offered; the first is the `src` for browsers without srcset. */
  widths: PreviewWidth[];
  /** The `sizes` attribute: how wide the picture is shown. */
  sizes: string;
  class: string;
  /** Below the first screen: loaded when scrolled near. */
  lazy?: boolean;
}) {
  const { image, widths } = props;
  return (
    <img
      class={props.class}
      src={previewPath(image.id, widths[0])}
      srcset={widths.map((width) => `${previewPath(image.id, width)} ${width}w`).join(', ')}
      sizes={props.sizes}
      alt={image.title}
      loading={props.lazy ? 'lazy' : undefined}
      decoding="async"
    />
  );
}
