import { useEffect, useRef } from 'react';
import cytoscape, { type Core, type ElementDefinition, type NodeSingular, type Position } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { graphStylesheet } from './graph-style.ts';

cytoscape.use(fcose);

export interface GraphCanvasProps {
  elements: ElementDefinition[];
  /** A node or an edge was clicked (null: the background). */
  onSelect(id: string | null): void;
  /** A node was double-clicked: load its neighbours. */
  onExpand(id: string): void;
  /** A node was dragged to a place: pin it there. */
  onPin(id: string): void;
  /** Changing this number fits the whole graph into view. */
  fitKey: number;
  selected: string | null;
  label: string;
  describedBy?: string;
}

const prefersReducedMotion = () => typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * The drawing: cytoscape on a canvas (its default renderer, which works in every browser including headless
 * Chromium). The canvas is one image to a screen reader; the table view holds the same nodes and links as text.
 * Elements are patched in place, so a node keeps its position when others are added, and only new nodes are
 * laid out (fcose, with pinned nodes held where the user put them).
 */
export function GraphCanvas({ elements, onSelect, onExpand, onPin, fitKey, selected, label, describedBy }: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const handlers = useRef({ onSelect, onExpand, onPin });
  handlers.current = { onSelect, onExpand, onPin };

  useEffect(() => {
    const font = getComputedStyle(document.documentElement).fontFamily || 'sans-serif';
    const cy = cytoscape({
      container: container.current,
      style: graphStylesheet(font),
      minZoom: 0.2,
      maxZoom: 3,
      wheelSensitivity: 0.3,
      selectionType: 'single',
      boxSelectionEnabled: false,
    });
    cyRef.current = cy;
    cy.on('tap', (e) => handlers.current.onSelect(e.target === cy ? null : (e.target as NodeSingular).id()));
    cy.on('dbltap', 'node', (e) => handlers.current.onExpand((e.target as NodeSingular).id()));
    cy.on('dragfree', 'node', (e) => handlers.current.onPin((e.target as NodeSingular).id()));
    // For the browser test and for anyone curious in the console: what is drawn, without reading pixels.
    container.current!.dataset.ready = 'true';
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wanted = new Map(elements.map((e) => [e.data.id!, e]));
    const added: string[] = [];
    cy.batch(() => {
      cy.elements().forEach((ele) => {
        if (!wanted.has(ele.id())) cy.remove(ele);
      });
      const newNodes: ElementDefinition[] = [];
      const newEdges: ElementDefinition[] = [];
      for (const def of elements) {
        const ele = cy.getElementById(def.data.id!);
        if (ele.nonempty()) {
          ele.data(def.data);
          ele.classes(def.classes ?? '');
          if (ele.isNode()) {
            if (def.locked) ele.lock();
            else ele.unlock();
          }
        } else if (def.group === 'nodes') newNodes.push(def);
        else newEdges.push(def);
      }
      // A new node starts beside a neighbour already drawn, so the layout only has to settle it.
      for (const def of newNodes) {
        const neighbour = elements.find((e) => e.group === 'edges' && (e.data.source === def.data.id || e.data.target === def.data.id) && cy.getElementById(e.data.source === def.data.id ? e.data.target! : e.data.source!).nonempty());
        const at: Position | undefined = neighbour ? cy.getElementById(neighbour.data.source === def.data.id ? neighbour.data.target! : neighbour.data.source!).position() : undefined;
        const position = at ? { x: at.x + (Math.random() - 0.5) * 80, y: at.y + (Math.random() - 0.5) * 80 } : undefined;
        cy.add({ ...def, position, locked: false });
        added.push(def.data.id!);
      }
      cy.add(newEdges);
      for (const def of newNodes) if (def.locked) cy.getElementById(def.data.id!).lock();
    });
    if (added.length > 0) {
      const first = cy.nodes().length === added.length;
      const pinned = cy.nodes(':locked').map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
      cy.layout({
        name: 'fcose',
        quality: 'default',
        randomize: first,
        animate: !first && !prefersReducedMotion(),
        animationDuration: 400,
        fit: first,
        padding: 30,
        nodeRepulsion: 9000,
        idealEdgeLength: 90,
        nodeSeparation: 80,
        fixedNodeConstraint: pinned.length ? pinned : undefined,
      } as cytoscape.LayoutOptions).run();
    }
  }, [elements]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.elements(':selected').unselect();
    if (selected) cy.getElementById(selected).select();
  }, [selected]);

  useEffect(() => {
    if (fitKey > 0) cyRef.current?.fit(undefined, 30);
  }, [fitKey]);

  return <div ref={container} className="graph-canvas" role="img" aria-label={label} aria-describedby={describedBy} data-testid="graph-canvas" />;
}
