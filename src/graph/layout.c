#include "graph/layout.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

/* FA2's speed constants (the paper's k_s, k_s max and repulsion between
 * overlapping discs, k_r'), and the share of the jitter the global speed
 * tolerates (tau). */
#define LOCAL_SPEED 0.1
#define MAX_DISPLACEMENT 10.0
#define OVERLAP_REPULSION 100.0
#define JITTER_TOLERANCE 1.0
/* Quadtree leaves hold up to this many nodes, met one by one. */
#define LEAF_SIZE 4
#define MAX_DEPTH 40
/* Steps between two calibrations of the scale. */
#define CALIBRATE_EVERY 25
/* Nodes per thread at least: fewer are not worth starting one for. */
#define THREAD_MIN_NODES 200

/* ---- Barnes-Hut quadtree ---- */

typedef struct cell {
	double x0, y0, side; /* the square it covers */
	double cx, cy, mass; /* centre of mass, total mass */
	uint32_t first, count; /* a leaf's nodes: order[first .. first + count) */
	int32_t child[4];      /* -1 where a quadrant is empty; all -1 in a leaf */
} cell;

typedef struct quadtree {
	cell *cells;
	size_t count, cap;
	uint32_t *order, *scratch; /* node indexes, grouped by leaf */
} quadtree;

/* ---- one component's ForceAtlas2 ---- */

typedef struct fa2 {
	size_t n;
	double *x, *y, *radius, *mass; /* mass = degree + 1 */
	double *fx, *fy, *old_fx, *old_fy;
	size_t *offset;     /* CSR: node i's edges are edge_of[offset[i] .. offset[i + 1]) */
	size_t *edge_of;
	size_t edge_count;
	uint32_t *edge_a, *edge_b; /* ends, a < b */
	double *edge_w, *edge_fx, *edge_fy;
	int adjust_sizes;   /* overlap prevention on */
	double kr;          /* repulsion's scaling (see calibrate) */
	double spread;      /* the root mean square distance to the origin wanted */
	int use_tree;
	quadtree tree;
	unsigned char *fixed; /* NULL, or per node 1 where it keeps its place (pinned) */
} fa2;

static uint32_t new_cell(quadtree *t, double x0, double y0, double side)
{
	EG_GROW(t->cells, t->cap, t->count + 1);
	cell *c = &t->cells[t->count];
	*c = (cell){.x0 = x0, .y0 = y0, .side = side, .child = {-1, -1, -1, -1}};
	return (uint32_t)t->count++;
}

static int quadrant(const cell *c, double x, double y)
{
	double half = c->side / 2;
	return (x >= c->x0 + half) + 2 * (y >= c->y0 + half);
}

/* Builds the cell over order[lo .. hi): a leaf when small or deep enough
 * (coincident nodes cannot be split), else four quadrants, each node to
 * the quadrant of its position, the order within a quadrant kept. */
static uint32_t build_cell(quadtree *t, const fa2 *s, size_t lo, size_t hi, double x0, double y0, double side,
			   int depth)
{
	uint32_t id = new_cell(t, x0, y0, side);
	if (hi - lo <= LEAF_SIZE || depth >= MAX_DEPTH) {
		double mass = 0, cx = 0, cy = 0;
		for (size_t k = lo; k < hi; k++) {
			uint32_t i = t->order[k];
			mass += s->mass[i];
			cx += s->mass[i] * s->x[i];
			cy += s->mass[i] * s->y[i];
		}
		cell *c = &t->cells[id];
		c->mass = mass;
		c->cx = cx / mass;
		c->cy = cy / mass;
		c->first = (uint32_t)lo;
		c->count = (uint32_t)(hi - lo);
		return id;
	}
	size_t counts[4] = {0}, starts[4];
	for (size_t k = lo; k < hi; k++) {
		uint32_t i = t->order[k];
		counts[quadrant(&t->cells[id], s->x[i], s->y[i])]++;
	}
	starts[0] = lo;
	for (int q = 1; q < 4; q++)
		starts[q] = starts[q - 1] + counts[q - 1];
	size_t fill[4] = {starts[0], starts[1], starts[2], starts[3]};
	for (size_t k = lo; k < hi; k++) {
		uint32_t i = t->order[k];
		t->scratch[fill[quadrant(&t->cells[id], s->x[i], s->y[i])]++] = i;
	}
	memcpy(t->order + lo, t->scratch + lo, (hi - lo) * sizeof(*t->order));
	double half = side / 2, mass = 0, cx = 0, cy = 0;
	for (int q = 0; q < 4; q++) {
		if (!counts[q])
			continue;
		uint32_t child = build_cell(t, s, starts[q], starts[q] + counts[q], x0 + (q & 1) * half,
					    y0 + (q >> 1) * half, half, depth + 1);
		const cell *c = &t->cells[child];
		mass += c->mass;
		cx += c->mass * c->cx;
		cy += c->mass * c->cy;
		t->cells[id].child[q] = (int32_t)child;
	}
	cell *c = &t->cells[id];
	c->mass = mass;
	c->cx = cx / mass;
	c->cy = cy / mass;
	return id;
}

static void build_tree(fa2 *s)
{
	quadtree *t = &s->tree;
	double lx = INFINITY, ly = INFINITY, hx = -INFINITY, hy = -INFINITY;
	for (size_t i = 0; i < s->n; i++) {
		lx = fmin(lx, s->x[i]);
		hx = fmax(hx, s->x[i]);
		ly = fmin(ly, s->y[i]);
		hy = fmax(hy, s->y[i]);
		t->order[i] = (uint32_t)i;
	}
	/* A little wider than the nodes, so that the largest coordinates fall
	 * inside the root's upper half-open quadrants. */
	double side = fmax(hx - lx, hy - ly) * 1.0001 + 1e-9;
	t->count = 0;
	build_cell(t, s, 0, s->n, lx, ly, side, 0);
}

/* ---- forces ---- */

/* ln(1 + d) for d >= 0 from + - * / and sqrt alone, which IEEE 754 rounds
 * the same everywhere: libm's log1p differs between libraries (and between
 * code paths of one library chosen by the CPU), and a last-bit difference
 * grows over hundreds of steps into a different picture.  1 + d = m 2^e
 * with m in [sqrt(1/2), sqrt(2)) (frexp, exact); ln m = 2 atanh(t), t = (m - 1) / (m + 1),
 * |t| < 0.172, by its series to t^21: relative error below 1e-16.  The
 * rounding of 1 + d loses what is below d's last bits when d is tiny,
 * harmless for a force. */
static double log_1p(double d)
{
	static const double ln2 = 0.6931471805599453094;
	int e;
	double m = frexp(1 + d, &e); /* exact: only the exponent changes */
	if (m < 0.7071067811865476) {
		m *= 2;
		e--;
	}
	double t = (m - 1) / (m + 1), t2 = t * t;
	double sum = 1.0 / 21;
	static const double odd[] = {1.0 / 19, 1.0 / 17, 1.0 / 15, 1.0 / 13, 1.0 / 11, 1.0 / 9,
				     1.0 / 7,  1.0 / 5,	 1.0 / 3,  1.0};
	for (size_t k = 0; k < sizeof(odd) / sizeof(odd[0]); k++)
		sum = sum * t2 + odd[k];
	return e * ln2 + 2 * t * sum;
}

/* Repulsion of node i from node j: k_r m_i m_j / d along the line between
 * them; between discs (adjust_sizes) the distance between their rims, and
 * the paper's stronger constant push while they overlap. */
static void repel_node(const fa2 *s, size_t i, size_t j, double *fx, double *fy)
{
	double dx = s->x[i] - s->x[j], dy = s->y[i] - s->y[j], d2 = dx * dx + dy * dy;
	if (!(d2 > 0))
		return;
	double f, kr_mm = s->kr * s->mass[i] * s->mass[j];
	if (s->adjust_sizes) {
		double d = sqrt(d2), gap = d - s->radius[i] - s->radius[j];
		f = (gap > 0 ? kr_mm / gap : OVERLAP_REPULSION * kr_mm) / d;
	} else {
		f = kr_mm / d2;
	}
	*fx += f * dx;
	*fy += f * dy;
}

/* Barnes-Hut: a cell far enough away (side / distance below theta) that
 * does not hold node i acts as one mass at its centre of mass; otherwise
 * its children, down to the leaves' single nodes. */
static void repel_tree(const fa2 *s, size_t i, double *fx, double *fy)
{
	const quadtree *t = &s->tree;
	uint32_t stack[4 * MAX_DEPTH + 8];
	size_t top = 0;
	stack[top++] = 0;
	double xi = s->x[i], yi = s->y[i], kr_m = s->kr * s->mass[i], theta2 = EG_LAYOUT_THETA * EG_LAYOUT_THETA;
	while (top) {
		const cell *c = &t->cells[stack[--top]];
		if (c->count) {
			for (uint32_t k = c->first; k < c->first + c->count; k++)
				if (t->order[k] != i)
					repel_node(s, i, t->order[k], fx, fy);
			continue;
		}
		double dx = xi - c->cx, dy = yi - c->cy, d2 = dx * dx + dy * dy;
		if (c->side * c->side < theta2 * d2 &&
		    !(xi >= c->x0 && xi < c->x0 + c->side && yi >= c->y0 && yi < c->y0 + c->side)) {
			double f = kr_m * c->mass / d2;
			*fx += f * dx;
			*fy += f * dy;
			continue;
		}
		/* Children in reverse, so that they are met in quadrant order. */
		for (int q = 3; q >= 0; q--)
			if (c->child[q] >= 0)
				stack[top++] = (uint32_t)c->child[q];
	}
}

/* Edge e's LinLog attraction w ln(1 + d), d between centres or (adjust
 * sizes) between rims, as the pull on its first end. */
static void edge_force(const fa2 *s, size_t e)
{
	uint32_t a = s->edge_a[e], b = s->edge_b[e];
	double dx = s->x[b] - s->x[a], dy = s->y[b] - s->y[a];
	double dist = sqrt(dx * dx + dy * dy), along = dist;
	if (s->adjust_sizes)
		along -= s->radius[a] + s->radius[b];
	double f = along > 0 ? s->edge_w[e] * log_1p(along) / dist : 0;
	s->edge_fx[e] = f * dx;
	s->edge_fy[e] = f * dy;
}

/* Node i's force from the positions and its edges' pulls alone:
 * repulsion, gravity towards the origin, attraction. */
static void node_force(const fa2 *s, size_t i)
{
	double fx = 0, fy = 0;
	if (s->use_tree) {
		repel_tree(s, i, &fx, &fy);
	} else {
		for (size_t j = 0; j < s->n; j++)
			if (j != i)
				repel_node(s, i, j, &fx, &fy);
	}
	double d = sqrt(s->x[i] * s->x[i] + s->y[i] * s->y[i]);
	if (d > 0) {
		fx -= EG_LAYOUT_GRAVITY * s->mass[i] * s->x[i] / d;
		fy -= EG_LAYOUT_GRAVITY * s->mass[i] * s->y[i] / d;
	}
	for (size_t k = s->offset[i]; k < s->offset[i + 1]; k++) {
		size_t e = s->edge_of[k];
		/* The edge's pull is on its first end; the second gets it negated. */
		if (s->edge_a[e] == i) {
			fx += s->edge_fx[e];
			fy += s->edge_fy[e];
		} else {
			fx -= s->edge_fx[e];
			fy -= s->edge_fy[e];
		}
	}
	s->fx[i] = fx;
	s->fy[i] = fy;
}

typedef struct force_job {
	const fa2 *s;
	size_t begin, end; /* of the edges, then of the nodes */
	size_t edge_begin, edge_end;
	int edges;         /* this round computes edges' pulls, not nodes' forces */
} force_job;

/* Nodes in the quadtree's order when there is one: neighbours in the
 * plane one after the other walk much the same cells, which stay in cache. */
static void *force_worker(void *arg)
{
	const force_job *job = arg;
	if (job->edges) {
		for (size_t e = job->edge_begin; e < job->edge_end; e++)
			edge_force(job->s, e);
		return NULL;
	}
	const uint32_t *order = job->s->use_tree ? job->s->tree.order : NULL;
	for (size_t k = job->begin; k < job->end; k++)
		node_force(job->s, order ? order[k] : k);
	return NULL;
}

/* Runs the jobs, jobs[0] on this thread; a thread that cannot start
 * leaves its share to this one. */
static void run_jobs(force_job *jobs, unsigned count)
{
	pthread_t ids[64];
	int started[64] = {0};
	for (unsigned k = 1; k < count; k++)
		started[k] = pthread_create(&ids[k], NULL, force_worker, &jobs[k]) == 0;
	force_worker(&jobs[0]);
	for (unsigned k = 1; k < count; k++) {
		if (started[k])
			pthread_join(ids[k], NULL);
		else
			force_worker(&jobs[k]);
	}
}

/* Every edge's pull, then every node's force, each on up to `threads`
 * threads: each is computed alone from the positions, so how they are
 * shared out does not change a bit. */
static void all_forces(fa2 *s, unsigned threads)
{
	if (s->use_tree)
		build_tree(s);
	if (threads > 64)
		threads = 64;
	if (threads > s->n / THREAD_MIN_NODES)
		threads = (unsigned)(s->n / THREAD_MIN_NODES);
	if (threads < 1)
		threads = 1;
	force_job jobs[64];
	for (int edges = 1; edges >= 0; edges--) {
		for (unsigned k = 0; k < threads; k++)
			jobs[k] = (force_job){s, s->n * k / threads, s->n * (k + 1) / threads,
					      s->edge_count * k / threads, s->edge_count * (k + 1) / threads, edges};
		run_jobs(jobs, threads);
	}
}

/* One FA2 step: forces, then the global speed from the graph's swinging
 * and traction (a node's swinging is how much its force changed direction
 * or size since the last step, its traction how much it stayed), and each
 * node moved by its own speed, lower the more it swings. */
static void step(fa2 *s, unsigned threads, double *global_speed, int first)
{
	all_forces(s, threads);
	double swinging = 0, traction = 0;
	for (size_t i = 0; i < s->n; i++) {
		double sx = s->fx[i] - s->old_fx[i], sy = s->fy[i] - s->old_fy[i];
		double tx = s->fx[i] + s->old_fx[i], ty = s->fy[i] + s->old_fy[i];
		swinging += s->mass[i] * sqrt(sx * sx + sy * sy);
		traction += s->mass[i] * sqrt(tx * tx + ty * ty) / 2;
	}
	double speed = swinging > 0 ? JITTER_TOLERANCE * traction / swinging : 1;
	/* The paper's brake: the global speed grows by at most half from one
	 * step to the next. */
	if (!first && speed > 1.5 * *global_speed)
		speed = 1.5 * *global_speed;
	*global_speed = speed;
	for (size_t i = 0; i < s->n; i++) {
		double sx = s->fx[i] - s->old_fx[i], sy = s->fy[i] - s->old_fy[i];
		double node_swinging = sqrt(sx * sx + sy * sy);
		double local = LOCAL_SPEED * speed / (1 + speed * sqrt(node_swinging));
		double force = sqrt(s->fx[i] * s->fx[i] + s->fy[i] * s->fy[i]);
		if (local * force > MAX_DISPLACEMENT)
			local = MAX_DISPLACEMENT / force;
		if (!s->fixed || !s->fixed[i]) {
			s->x[i] += local * s->fx[i];
			s->y[i] += local * s->fy[i];
		}
		s->old_fx[i] = s->fx[i];
		s->old_fy[i] = s->fy[i];
	}
}

/* Sets the scale: spreads or shrinks the picture about the origin so that
 * the discs would cover EG_LAYOUT_COVERAGE + EG_LAYOUT_COVERAGE_SMALL /
 * sqrt(nodes) of a disc of the nodes' root mean
 * square distance times sqrt 2 (the radius of a uniform disc with that
 * spread), and sets the repulsion's scaling k_r to what holds that scale
 * still.  At rest the forces on every node cancel, and so do their moments
 * along the positions: summed over nodes, attraction and gravity pulling
 * in (sum over edges of w d ln(1 + d), plus k_g sum of mass times distance
 * to the origin) equal repulsion pushing out (k_r times the sum over pairs
 * of mass times mass).  FA2's own scaling is a constant; Gephi's default
 * spreads a 10,000-node graph so far that its nodes are dust.  While
 * overlap is prevented (rescale 0) the picture is left as it is and only
 * k_r set, from the forces between rims, which are stronger than between
 * centres and would spread it again. */
static void calibrate(fa2 *s, int rescale)
{
	if (rescale) {
		double area = 0, spread = 0;
		for (size_t i = 0; i < s->n; i++) {
			area += s->radius[i] * s->radius[i];
			spread += s->x[i] * s->x[i] + s->y[i] * s->y[i];
		}
		/* Small components denser: a pair or a triangle needs no room
		 * for structure to show. */
		double coverage = EG_LAYOUT_COVERAGE + EG_LAYOUT_COVERAGE_SMALL / sqrt((double)s->n);
		double want = sqrt(area / coverage / 2), have = sqrt(spread / (double)s->n);
		double factor = have > 0 ? want / have : 1;
		for (size_t i = 0; i < s->n; i++) {
			s->x[i] *= factor;
			s->y[i] *= factor;
		}
	}
	double in = 0, out = 0;
	for (size_t i = 0; i < s->n; i++)
		in += EG_LAYOUT_GRAVITY * s->mass[i] * sqrt(s->x[i] * s->x[i] + s->y[i] * s->y[i]);
	for (size_t e = 0; e < s->edge_count; e++) {
		uint32_t a = s->edge_a[e], b = s->edge_b[e];
		double dx = s->x[b] - s->x[a], dy = s->y[b] - s->y[a], d = sqrt(dx * dx + dy * dy), along = d;
		if (s->adjust_sizes)
			along -= s->radius[a] + s->radius[b];
		if (along > 0)
			in += s->edge_w[e] * d * log_1p(along);
	}
	if (s->adjust_sizes && !s->use_tree) {
		/* Between rims, pair by pair: few nodes, and there the rims
		 * matter.  On large components discs are small next to the
		 * distances, and the sum between centres does. */
		for (size_t i = 0; i < s->n; i++)
			for (size_t j = i + 1; j < s->n; j++) {
				double dx = s->x[j] - s->x[i], dy = s->y[j] - s->y[i], d = sqrt(dx * dx + dy * dy);
				double gap = d - s->radius[i] - s->radius[j];
				out += s->mass[i] * s->mass[j] * (gap > 0 ? d / gap : OVERLAP_REPULSION * d);
			}
	} else {
		double mass = 0, mass2 = 0;
		for (size_t i = 0; i < s->n; i++) {
			mass += s->mass[i];
			mass2 += s->mass[i] * s->mass[i];
		}
		out = (mass * mass - mass2) / 2;
	}
	s->kr = out > 0 && in > 0 ? in / out : s->kr;
}

/* ---- discs apart ---- */

/* Rounds of pushing before the fallback of spreading the whole picture. */
#define SEPARATE_ROUNDS 200

typedef struct grid {
	size_t *cell_of, *start, *items;
	size_t cap_cells;
} grid;

/* Finds the pairs of discs closer than gap / 2 between rims and, when
 * push, moves each such pair (in index order, at once) to gap apart, the
 * smaller disc the more.  A grid of cells at least a diameter plus gap
 * wide finds them: a disc can only come that close to those in its own
 * cell and the eight around it.  Returns the pairs found and in *spread
 * the factor by which spreading every distance would part them all
 * (pairs at one point cannot be parted so and are always pushed). */
static size_t separate_round(double *x, double *y, const double *r, const unsigned char *fixed, size_t n,
			     double gap, grid *g, int push, double *spread)
{
	double lx = INFINITY, ly = INFINITY, hx = -INFINITY, hy = -INFINITY, rmax = 0;
	for (size_t i = 0; i < n; i++) {
		lx = fmin(lx, x[i]);
		hx = fmax(hx, x[i]);
		ly = fmin(ly, y[i]);
		hy = fmax(hy, y[i]);
		rmax = fmax(rmax, r[i]);
	}
	double side = 2 * rmax + gap;
	while ((floor((hx - lx) / side) + 1) * (floor((hy - ly) / side) + 1) > (double)g->cap_cells)
		side *= 2;
	size_t nx = (size_t)((hx - lx) / side) + 1, ny = (size_t)((hy - ly) / side) + 1;
	memset(g->start, 0, (nx * ny + 1) * sizeof(*g->start));
	for (size_t i = 0; i < n; i++) {
		size_t cx = (size_t)((x[i] - lx) / side), cy = (size_t)((y[i] - ly) / side);
		g->cell_of[i] = cy * nx + cx;
		g->start[g->cell_of[i] + 1]++;
	}
	for (size_t c = 0; c < nx * ny; c++)
		g->start[c + 1] += g->start[c];
	for (size_t i = 0; i < n; i++)
		g->items[g->start[g->cell_of[i]]++] = i;
	for (size_t c = nx * ny; c > 0; c--)
		g->start[c] = g->start[c - 1];
	g->start[0] = 0;
	size_t found = 0;
	*spread = 1;
	for (size_t i = 0; i < n; i++) {
		size_t cx = g->cell_of[i] % nx, cy = g->cell_of[i] / nx;
		for (size_t gy = cy ? cy - 1 : 0; gy <= cy + 1 && gy < ny; gy++) {
			for (size_t gx = cx ? cx - 1 : 0; gx <= cx + 1 && gx < nx; gx++) {
				size_t c = gy * nx + gx;
				for (size_t k = g->start[c]; k < g->start[c + 1]; k++) {
					size_t j = g->items[k];
					if (j <= i)
						continue;
					double dx = x[j] - x[i], dy = y[j] - y[i], d = sqrt(dx * dx + dy * dy);
					double want = r[i] + r[j] + gap;
					if (d >= want - gap / 2 || (fixed && fixed[i] && fixed[j]))
						continue;
					found++;
					if (d > 0 && want / d > *spread)
						*spread = want / d;
					if (!push && d > 0)
						continue;
					double ux, uy;
					if (d > 0) {
						ux = dx / d;
						uy = dy / d;
					} else {
						/* Coincident: apart along one of eight
						 * directions, by the pair. */
						static const double h = 0.7071067811865476;
						static const double dir[8][2] = {{1, 0},  {h, h},   {0, 1},  {-h, h},
										 {-1, 0}, {-h, -h}, {0, -1}, {h, -h}};
						ux = dir[(i + j) % 8][0];
						uy = dir[(i + j) % 8][1];
					}
					double ai = r[i] * r[i], aj = r[j] * r[j], over = want - d;
					if (fixed && fixed[i]) { /* the other takes the whole push */
						ai = 1;
						aj = 0;
					} else if (fixed && fixed[j]) {
						ai = 0;
						aj = 1;
					}
					x[i] -= ux * over * aj / (ai + aj);
					y[i] -= uy * over * aj / (ai + aj);
					x[j] += ux * over * ai / (ai + aj);
					y[j] += uy * over * ai / (ai + aj);
				}
			}
		}
	}
	return found;
}

/* Leaves every two discs at least gap / 2 apart between rims: rounds of
 * pushing, and should they not settle (a crowd pushing back and forth), the
 * picture spread about its centre just enough.  Discs fixed (NULL: none)
 * never move: a pair of them is left as it is, and only the other of a
 * pair with one is pushed; nothing is spread then. */
static void separate(double *x, double *y, const double *r, const unsigned char *fixed, size_t n, double gap)
{
	if (n < 2)
		return;
	grid g = {.cap_cells = 4 * n + 16};
	g.cell_of = eg_xmalloc(n * sizeof(*g.cell_of));
	g.items = eg_xmalloc(n * sizeof(*g.items));
	g.start = eg_xmalloc((g.cap_cells + 1) * sizeof(*g.start));
	double spread;
	size_t round = 0;
	while (round++ < SEPARATE_ROUNDS && separate_round(x, y, r, fixed, n, gap, &g, 1, &spread) > 0)
		;
	while (!fixed && separate_round(x, y, r, fixed, n, gap, &g, 0, &spread) > 0) {
		double cx = 0, cy = 0;
		for (size_t i = 0; i < n; i++) {
			cx += x[i];
			cy += y[i];
		}
		cx /= (double)n;
		cy /= (double)n;
		spread *= 1 + 1e-9;
		for (size_t i = 0; i < n; i++) {
			x[i] = cx + (x[i] - cx) * spread;
			y[i] = cy + (y[i] - cy) * spread;
		}
	}
	free(g.cell_of);
	free(g.items);
	free(g.start);
}

/* ---- components ---- */

static size_t find_root(size_t *parent, size_t i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

typedef struct component {
	size_t first, count; /* its nodes: members[first .. first + count), ascending */
	double cx, cy, radius; /* bounding circle once laid out */
	double x, y;           /* where the packing puts its centre */
} component;

static int by_size_then_first(const void *a, const void *b)
{
	const component *p = a, *q = b;
	if (p->count != q->count)
		return p->count > q->count ? -1 : 1;
	return p->first < q->first ? -1 : p->first > q->first;
}

/* The connected components, largest first (ties by smallest node), each
 * a run of members in ascending order; returns their number. */
static size_t find_components(const eg_layout_graph *graph, size_t *members, component **out)
{
	size_t n = graph->node_count;
	size_t *parent = eg_xmalloc(n * sizeof(*parent)), *id = eg_xmalloc(n * sizeof(*id));
	for (size_t i = 0; i < n; i++)
		parent[i] = i;
	for (size_t k = 0; k < graph->edge_count; k++) {
		size_t a = find_root(parent, graph->edges[k].source), b = find_root(parent, graph->edges[k].target);
		if (a != b)
			parent[a > b ? a : b] = a < b ? a : b;
	}
	/* Roots are their component's smallest node: numbered in that order. */
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		id[i] = find_root(parent, i) == i ? count++ : id[find_root(parent, i)];
	component *c = eg_xcalloc(count ? count : 1, sizeof(*c));
	for (size_t i = 0; i < n; i++)
		c[id[i]].count++;
	for (size_t k = 1; k < count; k++)
		c[k].first = c[k - 1].first + c[k - 1].count;
	size_t *fill = parent; /* reused: the roots are no longer needed */
	for (size_t k = 0; k < count; k++)
		fill[k] = c[k].first;
	for (size_t i = 0; i < n; i++)
		members[fill[id[i]]++] = i;
	qsort(c, count, sizeof(*c), by_size_then_first);
	free(parent);
	free(id);
	*out = c;
	return count;
}

/* ---- packing ---- */

typedef struct circle {
	double x, y, r;
	size_t next, prev; /* the front chain, counter-clockwise */
} circle;

/* Puts c against a and b, on the right of the line from a to b: outside a
 * counter-clockwise front chain.  Circles too far apart to touch both get
 * c between them, on the line. */
static void place(const circle *a, const circle *b, circle *c)
{
	double dx = b->x - a->x, dy = b->y - a->y, d2 = dx * dx + dy * dy;
	if (!(d2 > 0)) {
		c->x = a->x + a->r + c->r;
		c->y = a->y;
		return;
	}
	double d = sqrt(d2), ra = a->r + c->r, rb = b->r + c->r;
	double along = (d2 + ra * ra - rb * rb) / (2 * d), h2 = ra * ra - along * along, h = h2 > 0 ? sqrt(h2) : 0;
	double ux = dx / d, uy = dy / d;
	c->x = a->x + ux * along + uy * h;
	c->y = a->y + uy * along - ux * h;
}

static int intersects(const circle *a, const circle *b)
{
	double dr = (a->r + b->r) * (1 - 1e-9), dx = b->x - a->x, dy = b->y - a->y;
	return dr * dr > dx * dx + dy * dy;
}

/* How far from the origin the gap after chain circle a is. */
static double score(const circle *c, size_t a)
{
	const circle *p = &c[a], *q = &c[p->next];
	double x = (p->x * q->r + q->x * p->r) / (p->r + q->r), y = (p->y * q->r + q->y * p->r) / (p->r + q->r);
	return x * x + y * y;
}

/* Front-chain packing (Wang, Wang, Dai, Wang 2006, "Visualization of large
 * hierarchical data by circle packing"): the first circle at the origin,
 * each next one against the two neighbours on the chain of outer circles
 * whose gap is nearest the origin; if it would overlap a chain circle, the
 * nearer such circle (counted along the chain) takes that neighbour's place
 * and the chain between them is dropped, for it is now inside. */
static void pack(circle *c, size_t n)
{
	c[0].x = c[0].y = 0;
	if (n < 2)
		return;
	c[1].x = c[0].r + c[1].r;
	c[1].y = 0;
	if (n < 3)
		return;
	place(&c[1], &c[0], &c[2]);
	c[0].next = c[2].prev = 1;
	c[1].next = c[0].prev = 2;
	c[2].next = c[1].prev = 0;
	size_t a = 0, b = 1;
	for (size_t i = 3; i < n; i++) {
	retry:
		place(&c[a], &c[b], &c[i]);
		size_t j = c[b].next, k = c[a].prev;
		double sj = c[b].r, sk = c[a].r;
		do {
			if (sj <= sk) {
				if (intersects(&c[j], &c[i])) {
					b = j;
					c[a].next = b;
					c[b].prev = a;
					goto retry;
				}
				sj += c[j].r;
				j = c[j].next;
			} else {
				if (intersects(&c[k], &c[i])) {
					a = k;
					c[a].next = b;
					c[b].prev = a;
					goto retry;
				}
				sk += c[k].r;
				k = c[k].prev;
			}
		} while (j != c[k].next);
		c[i].prev = a;
		c[i].next = b;
		c[a].next = c[b].prev = i;
		double best = score(c, a);
		for (size_t at = c[a].next; at != a; at = c[at].next) {
			double s = score(c, at);
			if (s < best) {
				best = s;
				a = at;
			}
		}
		b = c[a].next;
	}
}

/* ---- the whole graph ---- */

/* The spiral's spacing, in median radii: about the room a node has when
 * the layout has settled, so that few steps are spent spreading out. */
#define SPIRAL_STEP 3.0
/* The golden angle, pi (3 - sqrt 5), as its cosine and sine. */
#define GOLDEN_COS -0.7373688780783197
#define GOLDEN_SIN 0.6754902942615238

typedef struct degree_rank {
	size_t degree, node;
} degree_rank;

static int by_degree(const void *a, const void *b)
{
	const degree_rank *p = a, *q = b;
	if (p->degree != q->degree)
		return p->degree > q->degree ? -1 : 1;
	return p->node < q->node ? -1 : p->node > q->node;
}

static int by_value(const void *a, const void *b)
{
	double p = *(const double *)a, q = *(const double *)b;
	return p < q ? -1 : p > q;
}

/* FA2's steps for a component: EG_LAYOUT_WORK / (nodes + edges) within
 * [EG_LAYOUT_STEPS_MIN, EG_LAYOUT_STEPS_MAX], what a step costs growing with
 * both. */
static size_t iterations_for(size_t nodes, size_t edges)
{
	double steps = EG_LAYOUT_WORK / (double)(nodes + edges);
	return steps < EG_LAYOUT_STEPS_MIN ? EG_LAYOUT_STEPS_MIN
	       : steps > EG_LAYOUT_STEPS_MAX ? EG_LAYOUT_STEPS_MAX
					     : (size_t)steps;
}

/* The whole graph's adjacency: node i's edges are edge[offset[i] ..
 * offset[i + 1]), to neighbour[...]; weight by edge, over the mean. */
typedef struct adjacency {
	size_t *offset, *edge, *local, *edge_local; /* local, edge_local: scratch */
	uint32_t *neighbour;
	double *weight;
} adjacency;

/* An anchored component's start (graph->pinned): its pinned nodes where
 * they were, each other node, round by round, at the mean of its
 * neighbours placed in the rounds before, a little apart from it along the
 * golden angle (by its place in the round), so that new names appear next
 * to the ones they are linked to.  Sets s->fixed.  Returns 1 when some node
 * is new and the forces have work, 0 when all were pinned. */
static int place_new(const eg_layout_graph *graph, const size_t *members, size_t count, const adjacency *adj,
		     fa2 *s, double unit)
{
	s->fixed = eg_xcalloc(count, 1);
	unsigned char *placed = eg_xcalloc(count, 1), *now = eg_xcalloc(count, 1);
	size_t left = 0;
	for (size_t k = 0; k < count; k++) {
		size_t i = members[k];
		if (graph->pinned[i]) {
			s->fixed[k] = placed[k] = 1;
			s->x[k] = graph->start[2 * i] / unit;
			s->y[k] = graph->start[2 * i + 1] / unit;
		} else {
			left++;
		}
	}
	int moved = left > 0;
	double c = 1, sn = 0;
	while (left > 0) {
		size_t before = left;
		for (size_t k = 0; k < count; k++) {
			if (placed[k])
				continue;
			size_t i = members[k], seen = 0;
			double mx = 0, my = 0;
			for (size_t e = adj->offset[i]; e < adj->offset[i + 1]; e++) {
				size_t j = adj->local[adj->neighbour[e]];
				if (placed[j] && !now[j]) {
					mx += s->x[j];
					my += s->y[j];
					seen++;
				}
			}
			if (!seen)
				continue;
			double away = 2 * s->radius[k] + EG_LAYOUT_GAP;
			s->x[k] = mx / (double)seen + away * c;
			s->y[k] = my / (double)seen + away * sn;
			double next = c * GOLDEN_COS - sn * GOLDEN_SIN;
			sn = sn * GOLDEN_COS + c * GOLDEN_SIN;
			c = next;
			placed[k] = now[k] = 1;
			left--;
		}
		memset(now, 0, count);
		if (left == before) /* cannot happen in a component; stops all the same */
			break;
	}
	free(placed);
	free(now);
	return moved;
}

static void layout_component(const eg_layout_graph *graph, const size_t *members, size_t count,
			     const adjacency *adj, const double *radius, double unit, unsigned threads, double *x,
			     double *y)
{
	fa2 s = {.n = count};
	s.x = eg_xmalloc(count * sizeof(double));
	s.y = eg_xmalloc(count * sizeof(double));
	s.radius = eg_xmalloc(count * sizeof(double));
	s.mass = eg_xmalloc(count * sizeof(double));
	s.fx = eg_xcalloc(count, sizeof(double));
	s.fy = eg_xcalloc(count, sizeof(double));
	s.old_fx = eg_xcalloc(count, sizeof(double));
	s.old_fy = eg_xcalloc(count, sizeof(double));
	s.offset = eg_xmalloc((count + 1) * sizeof(*s.offset));
	for (size_t k = 0; k < count; k++)
		adj->local[members[k]] = k;
	/* Local edges numbered as met from their smaller end, members being
	 * in ascending order. */
	s.offset[0] = 0;
	for (size_t k = 0; k < count; k++) {
		size_t i = members[k];
		s.offset[k + 1] = s.offset[k] + (adj->offset[i + 1] - adj->offset[i]);
		for (size_t e = adj->offset[i]; e < adj->offset[i + 1]; e++)
			if (adj->neighbour[e] > i)
				adj->edge_local[adj->edge[e]] = s.edge_count++;
	}
	size_t ends = s.offset[count] ? s.offset[count] : 1, edges = s.edge_count ? s.edge_count : 1;
	s.edge_of = eg_xmalloc(ends * sizeof(*s.edge_of));
	s.edge_a = eg_xmalloc(edges * sizeof(*s.edge_a));
	s.edge_b = eg_xmalloc(edges * sizeof(*s.edge_b));
	s.edge_w = eg_xmalloc(edges * sizeof(*s.edge_w));
	s.edge_fx = eg_xcalloc(edges, sizeof(*s.edge_fx));
	s.edge_fy = eg_xcalloc(edges, sizeof(*s.edge_fy));
	for (size_t k = 0; k < count; k++) {
		size_t i = members[k];
		for (size_t e = adj->offset[i]; e < adj->offset[i + 1]; e++) {
			size_t le = adj->edge_local[adj->edge[e]];
			s.edge_of[s.offset[k] + e - adj->offset[i]] = le;
			if (adj->neighbour[e] > i) {
				s.edge_a[le] = (uint32_t)k;
				s.edge_b[le] = (uint32_t)adj->local[adj->neighbour[e]];
				s.edge_w[le] = adj->weight[adj->edge[e]];
			}
		}
		s.radius[k] = radius[i];
		s.mass[k] = (double)(adj->offset[i + 1] - adj->offset[i]) + 1;
	}
	int anchored = 0;
	for (size_t k = 0; graph->pinned && k < count && !anchored; k++)
		anchored = graph->pinned[members[k]];
	double ax = 0, ay = 0; /* an anchored component's offset from its place */
	int moving = 0;        /* anchored, with new nodes to place */
	if (anchored) {
		moving = place_new(graph, members, count, adj, &s, unit);
		for (size_t k = 0; k < count && moving; k++) {
			ax += s.x[k];
			ay += s.y[k];
		}
		ax /= (double)count;
		ay /= (double)count;
		for (size_t k = 0; k < count && moving; k++) {
			s.x[k] -= ax;
			s.y[k] -= ay;
		}
	} else if (graph->start && !graph->pinned) {
		double cx = 0, cy = 0;
		for (size_t k = 0; k < count; k++) {
			cx += graph->start[2 * members[k]] / unit;
			cy += graph->start[2 * members[k] + 1] / unit;
		}
		for (size_t k = 0; k < count; k++) {
			s.x[k] = graph->start[2 * members[k]] / unit - cx / (double)count;
			s.y[k] = graph->start[2 * members[k] + 1] / unit - cy / (double)count;
		}
	} else {
		degree_rank *rank = eg_xmalloc(count * sizeof(*rank));
		for (size_t k = 0; k < count; k++)
			rank[k] = (degree_rank){s.offset[k + 1] - s.offset[k], k};
		qsort(rank, count, sizeof(*rank), by_degree);
		/* The k-th node at angle k times the golden angle, turned step
		 * by step (cos and sin, like log1p, vary between libraries). */
		double c = 1, sn = 0;
		for (size_t k = 0; k < count; k++) {
			double rho = SPIRAL_STEP * sqrt((double)k + 0.5);
			s.x[rank[k].node] = rho * c;
			s.y[rank[k].node] = rho * sn;
			double next = c * GOLDEN_COS - sn * GOLDEN_SIN;
			sn = sn * GOLDEN_COS + c * GOLDEN_SIN;
			c = next;
		}
		free(rank);
	}
	if (anchored && !moving) {
		/* Nothing new: the picture as it was. */
	} else if (anchored) {
		/* The pinned stay; the new settle among them: a quarter of the
		 * steps, all of them preventing overlap, nothing rescaled. */
		s.use_tree = count > EG_LAYOUT_BARNES_HUT;
		if (s.use_tree) {
			s.tree.order = eg_xmalloc(count * sizeof(*s.tree.order));
			s.tree.scratch = eg_xmalloc(count * sizeof(*s.tree.scratch));
		}
		size_t iterations = iterations_for(count, s.edge_count) / 4;
		double speed = 1;
		s.adjust_sizes = 1;
		for (size_t it = 0; it < iterations; it++) {
			if (it % CALIBRATE_EVERY == 0)
				calibrate(&s, 0);
			step(&s, threads, &speed, it == 0);
		}
		separate(s.x, s.y, s.radius, s.fixed, count, EG_LAYOUT_GAP);
	} else if (count > 1) {
		s.use_tree = count > EG_LAYOUT_BARNES_HUT;
		if (s.use_tree) {
			s.tree.order = eg_xmalloc(count * sizeof(*s.tree.order));
			s.tree.scratch = eg_xmalloc(count * sizeof(*s.tree.scratch));
		}
		size_t iterations = iterations_for(count, s.edge_count);
		size_t adjust_from = iterations - (size_t)((double)iterations * EG_LAYOUT_ADJUST_PART);
		double speed = 1;
		for (size_t it = 0; it < iterations; it++) {
			s.adjust_sizes = it >= adjust_from;
			if (it % CALIBRATE_EVERY == 0)
				calibrate(&s, it < adjust_from);
			step(&s, threads, &speed, it == 0);
		}
		separate(s.x, s.y, s.radius, s.fixed, count, EG_LAYOUT_GAP);
	}
	for (size_t k = 0; k < count; k++) {
		x[members[k]] = s.x[k] + ax;
		y[members[k]] = s.y[k] + ay;
	}
	free(s.fixed);
	free(s.tree.cells);
	free(s.tree.order);
	free(s.tree.scratch);
	free(s.x);
	free(s.y);
	free(s.radius);
	free(s.mass);
	free(s.fx);
	free(s.fy);
	free(s.old_fx);
	free(s.old_fy);
	free(s.offset);
	free(s.edge_of);
	free(s.edge_a);
	free(s.edge_b);
	free(s.edge_w);
	free(s.edge_fx);
	free(s.edge_fy);
}

void eg_layout(const eg_layout_graph *graph, unsigned threads, double *x, double *y)
{
	size_t n = graph->node_count;
	if (n == 0)
		return;
	/* The unit: the median radius. */
	double *radius = eg_xmalloc(n * sizeof(*radius));
	memcpy(radius, graph->radius, n * sizeof(*radius));
	qsort(radius, n, sizeof(*radius), by_value);
	double unit = radius[n / 2] > 0 ? radius[n / 2] : 1;
	for (size_t i = 0; i < n; i++)
		radius[i] = graph->radius[i] > 0 ? graph->radius[i] / unit : 1;

	/* Adjacency, each edge under both ends in the given order, weights
	 * over their mean. */
	adjacency adj;
	adj.offset = eg_xcalloc(n + 1, sizeof(*adj.offset));
	double total = 0;
	size_t valid = 0;
	for (size_t k = 0; k < graph->edge_count; k++) {
		adj.offset[graph->edges[k].source + 1]++;
		adj.offset[graph->edges[k].target + 1]++;
		if (graph->edges[k].weight > 0 && isfinite(graph->edges[k].weight)) {
			total += graph->edges[k].weight;
			valid++;
		}
	}
	double mean = valid ? total / (double)valid : 1;
	for (size_t i = 0; i < n; i++)
		adj.offset[i + 1] += adj.offset[i];
	size_t ends = adj.offset[n] ? adj.offset[n] : 1, edges = graph->edge_count ? graph->edge_count : 1;
	adj.neighbour = eg_xmalloc(ends * sizeof(*adj.neighbour));
	adj.edge = eg_xmalloc(ends * sizeof(*adj.edge));
	adj.weight = eg_xmalloc(edges * sizeof(*adj.weight));
	adj.edge_local = eg_xmalloc(edges * sizeof(*adj.edge_local));
	adj.local = eg_xmalloc(n * sizeof(*adj.local));
	memcpy(adj.local, adj.offset, n * sizeof(*adj.local)); /* the fill positions, for now */
	for (size_t k = 0; k < graph->edge_count; k++) {
		const eg_layout_edge *e = &graph->edges[k];
		adj.weight[k] = e->weight > 0 && isfinite(e->weight) ? e->weight / mean : 1;
		adj.edge[adj.local[e->source]] = k;
		adj.neighbour[adj.local[e->source]++] = e->target;
		adj.edge[adj.local[e->target]] = k;
		adj.neighbour[adj.local[e->target]++] = e->source;
	}

	size_t *members = eg_xmalloc(n * sizeof(*members));
	component *comp;
	size_t count = find_components(graph, members, &comp);
	circle *circles = eg_xcalloc(count, sizeof(*circles));
	for (size_t c = 0; c < count; c++) {
		const size_t *m = members + comp[c].first;
		layout_component(graph, m, comp[c].count, &adj, radius, unit, threads, x, y);
		double lx = INFINITY, ly = INFINITY, hx = -INFINITY, hy = -INFINITY, reach = 0;
		for (size_t k = 0; k < comp[c].count; k++) {
			lx = fmin(lx, x[m[k]] - radius[m[k]]);
			hx = fmax(hx, x[m[k]] + radius[m[k]]);
			ly = fmin(ly, y[m[k]] - radius[m[k]]);
			hy = fmax(hy, y[m[k]] + radius[m[k]]);
		}
		comp[c].cx = (lx + hx) / 2;
		comp[c].cy = (ly + hy) / 2;
		for (size_t k = 0; k < comp[c].count; k++) {
			double dx = x[m[k]] - comp[c].cx, dy = y[m[k]] - comp[c].cy;
			reach = fmax(reach, sqrt(dx * dx + dy * dy) + radius[m[k]]);
		}
		comp[c].radius = reach;
	}
	/* Components with pinned nodes stay where they are, as one group
	 * that the others are packed around. */
	unsigned char *kept = eg_xcalloc(count ? count : 1, 1);
	double glx = INFINITY, gly = INFINITY, ghx = -INFINITY, ghy = -INFINITY, greach = 0;
	size_t kept_count = 0;
	for (size_t c = 0; c < count && graph->pinned; c++) {
		const size_t *m = members + comp[c].first;
		for (size_t k = 0; k < comp[c].count && !kept[c]; k++)
			kept[c] = graph->pinned[m[k]];
		if (!kept[c])
			continue;
		kept_count++;
		for (size_t k = 0; k < comp[c].count; k++) {
			glx = fmin(glx, x[m[k]] - radius[m[k]]);
			ghx = fmax(ghx, x[m[k]] + radius[m[k]]);
			gly = fmin(gly, y[m[k]] - radius[m[k]]);
			ghy = fmax(ghy, y[m[k]] + radius[m[k]]);
		}
	}
	double gcx = (glx + ghx) / 2, gcy = (gly + ghy) / 2;
	for (size_t c = 0; c < count && kept_count; c++) {
		const size_t *m = members + comp[c].first;
		for (size_t k = 0; kept[c] && k < comp[c].count; k++) {
			double dx = x[m[k]] - gcx, dy = y[m[k]] - gcy;
			greach = fmax(greach, sqrt(dx * dx + dy * dy) + radius[m[k]]);
		}
	}
	/* The largest component first (or the kept group), then by bounding
	 * circle. */
	size_t *order = eg_xmalloc((count + 1) * sizeof(*order));
	for (size_t c = 0; c < count; c++)
		order[c] = c;
	for (size_t c = 2; c < count; c++) { /* insertion sort: stable, and mostly in order already */
		size_t k = order[c], at = c;
		while (at > 1 && comp[order[at - 1]].radius < comp[k].radius) {
			order[at] = order[at - 1];
			at--;
		}
		order[at] = k;
	}
	/* With kept components, their group is circles[0] and stays where it
	 * is; the others are packed around it, in the order above. */
	size_t first = 0, placed = count;
	double base_x = 0, base_y = 0, shift_x = 0, shift_y = 0;
	if (kept_count) {
		size_t at = 0;
		for (size_t c = 0; c < count; c++)
			if (!kept[order[c]])
				order[at++] = order[c];
		memmove(order + 1, order, at * sizeof(*order));
		order[0] = SIZE_MAX;
		placed = at + 1;
		first = 1;
		circles[0].r = greach + EG_LAYOUT_MARGIN / 2;
	}
	for (size_t c = first; c < placed; c++)
		circles[c].r = comp[order[c]].radius + EG_LAYOUT_MARGIN / 2;
	pack(circles, placed);
	if (kept_count) {
		base_x = circles[0].x;
		base_y = circles[0].y;
		shift_x = gcx;
		shift_y = gcy;
	}
	for (size_t c = first; c < placed; c++) {
		const component *p = &comp[order[c]];
		for (size_t k = 0; k < p->count; k++) {
			size_t i = members[p->first + k];
			x[i] = x[i] - p->cx + circles[c].x - base_x + shift_x;
			y[i] = y[i] - p->cy + circles[c].y - base_y + shift_y;
		}
	}
	free(kept);
	/* The packing keeps components apart; this only makes sure. */
	separate(x, y, radius, graph->pinned, n, EG_LAYOUT_GAP);
	for (size_t i = 0; i < n; i++) {
		x[i] *= unit;
		y[i] *= unit;
	}
	free(order);
	free(circles);
	free(comp);
	free(members);
	free(adj.offset);
	free(adj.edge);
	free(adj.local);
	free(adj.edge_local);
	free(adj.neighbour);
	free(adj.weight);
	free(radius);
}
