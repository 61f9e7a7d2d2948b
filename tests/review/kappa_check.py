#!/usr/bin/env python3
"""Independent check of the kappa figures in test_agreement.cpp (run once by hand).

Cohen's kappa and its large-sample standard error are computed two ways that share no
code: (1) the closed formula of Fleiss, Cohen & Everitt (1969), and (2) the delta method
directly, by numerically differentiating kappa as a function of the cell proportions p_ij
and using Var = (sum p g^2 - (sum p g)^2) / n, the multinomial variance of the gradient.
Both must agree; the printed figures are the ones the C++ test expects.
"""
import math


def kappa_of(p, k):
    s = sum(p)
    cells = [[p[i * k + j] / s for j in range(k)] for i in range(k)]
    rows = [sum(r) for r in cells]
    cols = [sum(cells[i][j] for i in range(k)) for j in range(k)]
    po = sum(cells[i][i] for i in range(k))
    pe = sum(rows[i] * cols[i] for i in range(k))
    return (po - pe) / (1 - pe), po, pe, rows, cols, cells


def closed_form_se(table):
    k = len(table)
    n = sum(map(sum, table))
    kap, po, pe, rows, cols, p = kappa_of([x / n for r in table for x in r], k)
    a = sum(p[i][i] * (1 - (rows[i] + cols[i]) * (1 - kap)) ** 2 for i in range(k))
    b = (1 - kap) ** 2 * sum(p[i][j] * (cols[i] + rows[j]) ** 2 for i in range(k) for j in range(k) if i != j)
    c = (kap - pe * (1 - kap)) ** 2
    return kap, po, pe, math.sqrt((a + b - c) / (n * (1 - pe) ** 2))


def delta_method_se(table):
    k = len(table)
    n = sum(map(sum, table))
    p = [x / n for r in table for x in r]
    h = 1e-7
    g = []
    for i in range(len(p)):
        up, down = p[:], p[:]
        up[i] += h
        down[i] -= h
        g.append((kappa_of(up, k)[0] - kappa_of(down, k)[0]) / (2 * h))
    mean = sum(pi * gi for pi, gi in zip(p, g))
    return math.sqrt((sum(pi * gi * gi for pi, gi in zip(p, g)) - mean * mean) / n)


Z = 1.959963984540054
for name, table in [("Fleiss psychiatric diagnoses", [[75, 1, 4], [5, 4, 1], [0, 0, 10]]),
                    ("SAS PROC FREQ example", [[0, 4, 1], [0, 8, 0], [0, 1, 5]])]:
    kap, po, pe, se = closed_form_se(table)
    print(f"{name}: po={po:.6f} pe={pe:.6f} kappa={kap:.6f} se={se:.7f} "
          f"(delta method {delta_method_se(table):.7f}) ci=({kap - Z * se:.6f}, {kap + Z * se:.6f})")
