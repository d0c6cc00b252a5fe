-- De gemeenten met hun GGD-regio en provincie, voor keuzelijsten; focus: standaard op de pagina's (data/regio.csv).

with regios as (
    select * from regio
),

gemeenten as (
    select * from regios where soort = 'gemeente'
),

final as (
    select
        g.regio_code,
        g.regio_naam,
        g.ggd_regio_code,
        ggd.regio_naam as ggd_regio_naam,
        g.provincie_code,
        pv.regio_naam as provincie_naam,
        g.volgorde,
        g.focus
    from gemeenten as g
    left join regios as ggd on ggd.regio_code = g.ggd_regio_code
    left join regios as pv on pv.regio_code = g.provincie_code
)

select * from final
order by volgorde, regio_naam
