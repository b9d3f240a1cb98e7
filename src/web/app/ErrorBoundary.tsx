import { Component, type ReactNode } from 'react';

interface Props {
  /** Changes (e.g. the location) clear a caught error. */
  resetKey: string;
  fallback: (error: Error, reload: () => void) => ReactNode;
  children: ReactNode;
}

/** Keeps one broken screen (or a chunk of an older build that is gone) from blanking the whole app. */
export class ErrorBoundary extends Component<Props, { error: Error | null; key: string }> {
  override state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; key: string }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override render() {
    if (this.state.error) return this.props.fallback(this.state.error, () => window.location.reload());
    return this.props.children;
  }
}
