// Types of the map shared by the @svg-maps packages (their index.d.ts imports "svg-maps__common", which
// is not published with them): a label, a viewBox and one path per location.
declare module 'svg-maps__common' {
  export interface Location {
    id: string;
    name: string;
    path: string;
  }
  export interface Map {
    label: string;
    viewBox: string;
    locations: Location[];
  }
}
